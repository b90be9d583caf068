resource "azurerm_resource_group" "sydney" {
  name     = "sydney-resources"
  location = "Australia East"
}

resource "azurerm_eventhub_namespace" "referenced" {
  name                = "referenced-eventhubns"
  location            = azurerm_resource_group.sydney.location
  resource_group_name = azurerm_resource_group.sydney.name
  sku                 = "Standard"
}

resource "azurerm_eventhub_namespace" "v3_enabled" {
  name                = "v3-eventhubns"
  location            = "West Europe"
  resource_group_name = "rg"
  sku                 = "Standard"
  zone_redundant      = true
}

# A region on neither documented list is not judged.
resource "azurerm_eventhub_namespace" "unlisted_region" {
  name                = "unlisted-eventhubns"
  location            = "atlantisnorth"
  resource_group_name = "rg"
  sku                 = "Standard"
}
