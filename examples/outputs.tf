output "vpc_id" {
  description = "ID of the VPC."
  value       = module.network.vpc_id
}

output "orders_db_endpoint" {
  description = "Connection endpoint of the orders database."
  value       = module.orders_db.endpoint
}

output "billing_db_endpoint" {
  description = "Connection endpoint of the billing database."
  value       = module.billing_db.endpoint
}

output "reporting_replica_identifiers" {
  description = "Identifiers of the reporting replicas (empty when disabled)."
  value       = aws_db_instance.reporting_replica[*].identifier
}

output "deploy_role_arn" {
  description = "ARN of the role the deploy pipeline assumes."
  value       = aws_iam_role.deploy.arn
}
