resource "azurerm_app_service_environment_v3" "unset" {
  # expect: FL-AZR-0007 "azurerm_app_service_environment_v3 \"unset\" is not zone redundant (zone_redundant is not set)"
  name                = "unset"
  resource_group_name = "rg"
  subnet_id           = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/ase"
}

resource "azurerm_app_service_environment_v3" "off" {
  name                = "off"
  resource_group_name = "rg"
  subnet_id           = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/ase"
  zone_redundant      = false
  # expect: FL-AZR-0007 "(zone_redundant = false)"
}
