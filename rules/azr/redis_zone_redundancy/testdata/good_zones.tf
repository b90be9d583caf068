resource "azurerm_redis_cache" "zoned" {
  name                = "zoned"
  location            = "westeurope"
  resource_group_name = "rg"
  capacity            = 1
  family              = "P"
  sku_name            = "Premium"
  zones               = ["1", "2", "3"]
}

resource "azurerm_redis_cache" "standard" {
  name                = "standard"
  location            = "westeurope"
  resource_group_name = "rg"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
}
