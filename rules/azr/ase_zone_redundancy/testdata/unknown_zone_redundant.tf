variable "zone_redundant" {
  type = bool
}

resource "azurerm_app_service_environment_v3" "main" {
  name                = "main"
  resource_group_name = "rg"
  subnet_id           = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/ase"
  zone_redundant      = var.zone_redundant
}
