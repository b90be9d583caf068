output "identifier" {
  description = "Name of the database instance."
  value       = aws_db_instance.this.identifier
}

output "endpoint" {
  description = "Connection endpoint (known after apply)."
  value       = aws_db_instance.this.endpoint
}
