resource "azurerm_eventhub_namespace" "literal" {
  name                = "literal-eventhubns"
  location            = "UK West"
  # expect: FL-AZR-0008 "azurerm_eventhub_namespace \"literal\" is not zone redundant: its location UK West is a region without availability zones"
  resource_group_name = "rg"
  sku                 = "Standard"
}

resource "azurerm_resource_group" "capetown" {
  name     = "capetown-resources"
  location = "South Africa West"
}

resource "azurerm_eventhub_namespace" "referenced" {
  name                = "referenced-eventhubns"
  location            = azurerm_resource_group.capetown.location
  # expect: FL-AZR-0008 "its location South Africa West is a region without availability zones"
  resource_group_name = azurerm_resource_group.capetown.name
  sku                 = "Standard"
}

resource "azurerm_eventhub_namespace" "v3_disabled" {
  name                = "v3-eventhubns"
  location            = "westeurope"
  resource_group_name = "rg"
  sku                 = "Standard"
  zone_redundant      = false
  # expect: FL-AZR-0008 "azurerm_eventhub_namespace \"v3_disabled\" is not zone redundant (zone_redundant = false)"
}
