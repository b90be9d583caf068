resource "azurerm_redis_cache" "basic" {
  name                = "basic"
  location            = "westeurope"
  resource_group_name = "rg"
  capacity            = 1
  family              = "C"
  sku_name            = "Basic"
  # expect: FL-AZR-0003 "azurerm_redis_cache \"basic\" uses the Basic SKU"
}
