# Weak passwords are hard-coded credentials, only weak ones: they are not placeholders.
resource "aws_db_instance" "legacy" {
  identifier        = "legacy"
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  username          = "admin"
  password          = "root"
  # expect: FL-SEC-0069 "aws_db_instance \"legacy\" sets password to a literal string: ro"
}

resource "azurerm_express_route_circuit_peering" "peering" {
  peering_type                  = "AzurePrivatePeering"
  express_route_circuit_name    = "circuit"
  resource_group_name           = "network"
  peer_asn                      = 100
  primary_peer_address_prefix   = "192.168.1.0/30"
  secondary_peer_address_prefix = "192.168.2.0/30"
  vlan_id                       = 100
  shared_key                    = "ItsASecret"
  # expect: FL-SEC-0069 "sets shared_key to a literal string: ItsA"
}

resource "google_container_cluster" "primary" {
  name               = "primary"
  location           = "us-central1-a"
  initial_node_count = 3

  master_auth {
    password = "abc123"
    # expect: FL-SEC-0069 "sets master_auth[0].password to a literal string: abc"
  }
}
