resource "azurerm_container_registry" "main" {
  name                    = "mainregistry"
  resource_group_name     = "rg"
  location                = "westeurope"
  sku                     = "Premium"
  zone_redundancy_enabled = true
  georeplications {
    location                = "northeurope"
    zone_redundancy_enabled = true
  }
}

resource "azurerm_container_registry" "standard" {
  name                = "standardregistry"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "Standard"
}
