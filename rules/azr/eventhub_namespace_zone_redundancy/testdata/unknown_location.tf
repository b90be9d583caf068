variable "location" {
  type = string
}

variable "zone_redundant" {
  type = bool
}

resource "azurerm_eventhub_namespace" "from_variable" {
  name                = "variable-eventhubns"
  location            = var.location
  resource_group_name = "rg"
  sku                 = "Standard"
  zone_redundant      = var.zone_redundant
}

resource "azurerm_eventhub_namespace" "undeclared_group" {
  name                = "undeclared-eventhubns"
  location            = azurerm_resource_group.elsewhere.location
  resource_group_name = azurerm_resource_group.elsewhere.name
  sku                 = "Standard"
}
