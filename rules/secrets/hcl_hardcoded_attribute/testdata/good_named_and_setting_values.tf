# Values that name a credential rather than being one, placeholders, and attributes named
# after an action on the credential (a setting, not the credential).
resource "aws_fsx_windows_file_system" "fs" {
  storage_capacity    = 300
  subnet_ids          = ["subnet-123456"]
  throughput_capacity = 1024

  self_managed_active_directory {
    dns_ips     = ["10.0.0.111", "10.0.0.222"]
    domain_name = "corp.example.com"
    password    = "avoid-plaintext-passwords"
    username    = "Admin"
  }
}

resource "aws_db_instance" "templated" {
  identifier        = "templated"
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  username          = "admin"
  password          = "changeme"
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 14
  allow_users_to_change_password = true
  require_symbols                = true
}

resource "mysql_user" "app" {
  user            = "app"
  update_password = "on_create"
}
