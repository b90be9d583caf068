environment = "staging"

# Staging saves money with a single-AZ orders database.
orders_db_multi_az = false

enable_reporting_replica = true

bastion_ssh_sources = {
  vpn      = "10.8.0.0/16"
  anywhere = "0.0.0.0/0"
}

artifact_buckets = ["shop-artifacts-staging", "shop-releases"]
