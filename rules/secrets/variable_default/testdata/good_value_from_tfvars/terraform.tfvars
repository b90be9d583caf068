db_password = "from-tfvars-file"
