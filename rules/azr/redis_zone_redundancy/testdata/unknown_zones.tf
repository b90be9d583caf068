variable "zones" {
  type = list(string)
}

resource "azurerm_redis_cache" "cache" {
  name                = "cache"
  location            = "westeurope"
  resource_group_name = "rg"
  capacity            = 1
  family              = "P"
  sku_name            = "Premium"
  zones               = var.zones
}
