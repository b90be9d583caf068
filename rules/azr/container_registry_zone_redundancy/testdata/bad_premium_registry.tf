resource "azurerm_container_registry" "unset" {
  # expect: FL-AZR-0006 "azurerm_container_registry \"unset\" is not zone redundant (zone_redundancy_enabled is not set)"
  name                = "unsetregistry"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "Premium"
}

resource "azurerm_container_registry" "replica" {
  name                    = "replicaregistry"
  resource_group_name     = "rg"
  location                = "westeurope"
  sku                     = "Premium"
  zone_redundancy_enabled = true
  georeplications {
    # expect: FL-AZR-0006 "geo-replication to northeurope is not zone redundant"
    location = "northeurope"
  }
}
