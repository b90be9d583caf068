resource "azurerm_redis_cache" "no_zones" {
  # expect: FL-AZR-0004 "azurerm_redis_cache \"no_zones\" lists no zones"
  name                = "no-zones"
  location            = "westeurope"
  resource_group_name = "rg"
  capacity            = 1
  family              = "P"
  sku_name            = "Premium"
}

resource "azurerm_redis_cache" "one_zone" {
  name                = "one-zone"
  location            = "westeurope"
  resource_group_name = "rg"
  capacity            = 1
  family              = "P"
  sku_name            = "Premium"
  zones               = ["1"]
  # expect: FL-AZR-0004 "azurerm_redis_cache \"one_zone\" lists one zone"
}
