variable "sku" {
  type = string
}

resource "azurerm_container_registry" "main" {
  name                = "mainregistry"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = var.sku
}
