# Values that are not literals written in the block, and literals that are not credentials.
variable "db_password" {
  type      = string
  sensitive = true
}

locals {
  token = "lOcAlTokEn-1234567890"
}

resource "random_password" "master" {
  length  = 24
  special = true
}

resource "aws_db_instance" "from_variable" {
  identifier     = "db"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  password       = var.db_password
}

resource "aws_rds_cluster" "generated" {
  cluster_identifier = "main"
  master_username    = "admin"
  master_password    = random_password.master.result
}

resource "aws_elasticache_replication_group" "from_local" {
  replication_group_id = "cache"
  auth_token           = local.token
}

resource "aws_instance" "functions" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"

  connection {
    type        = "ssh"
    user        = "ubuntu"
    host        = "10.0.0.1"
    private_key = file("~/.ssh/id_ed25519")
  }
}

resource "aws_db_instance" "interpolated" {
  identifier     = "db2"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  password       = "${var.db_password}-suffix"
}

resource "aws_db_instance" "placeholders" {
  identifier     = "db3"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  password       = "changeme"
}

resource "aws_secretsmanager_secret" "named" {
  name                    = "prod/db"
  kms_key_id              = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  recovery_window_in_days = 7
}

resource "aws_iam_user_login_profile" "user" {
  user                    = "someone"
  password_length         = 20
  password_reset_required = true
  pgp_key                 = "keybase:someone"
}

resource "vault_jwt_auth_backend" "oidc" {
  path               = "oidc"
  oidc_discovery_url = "https://accounts.example.com"
  oidc_client_secret = ""
}
