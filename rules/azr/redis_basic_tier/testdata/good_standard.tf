resource "azurerm_redis_cache" "standard" {
  name                = "standard"
  location            = "westeurope"
  resource_group_name = "rg"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
}
