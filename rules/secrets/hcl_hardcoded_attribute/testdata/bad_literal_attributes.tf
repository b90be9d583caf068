# Literal credentials in resources, nested blocks, map entries and module calls.
resource "aws_elasticache_replication_group" "cache" {
  replication_group_id = "cache"
  auth_token           = "eWPFlRX0c0KAdJ1L46zh"
  # expect: FL-SEC-0069 "aws_elasticache_replication_group \"cache\" sets auth_token to a literal string: eWPF"
}

resource "google_container_cluster" "primary" {
  name               = "primary"
  location           = "us-central1-a"
  initial_node_count = 3

  master_auth {
    username = "admin"
    password = "hunter2hunter2"
    #          ^ expect: FL-SEC-0069 "sets master_auth[0].password to a literal string"
  }
}

resource "aws_lambda_function" "analysis" {
  function_name = "analysis"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"

  environment {
    variables = {
      LOG_LEVEL  = "debug"
      secret_key = "Zq0fJ3m9XcY2pL8rT5vW1nB4"
      # expect: FL-SEC-0069 "environment[0].variables.secret_key"
    }
  }
}

resource "aws_db_instance" "heredoc" {
  identifier     = "db"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  password       = <<-EOT
    Correct-Horse-9
  EOT
  # expect@-3: FL-SEC-0069 "sets password to a literal string"
}

module "database" {
  source          = "./modules/none"
  master_password = "S3cure-but-committed"
  # expect: FL-SEC-0069 "module \"database\" sets master_password to a literal string: S3cu"
}
