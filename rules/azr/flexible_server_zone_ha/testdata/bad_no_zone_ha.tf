resource "azurerm_postgresql_flexible_server" "no_ha" {
  # expect: FL-AZR-0002 "azurerm_postgresql_flexible_server \"no_ha\" has no high_availability block"
  name                = "no-ha"
  resource_group_name = "rg"
  location            = "westeurope"
  sku_name            = "GP_Standard_D2s_v3"
}

resource "azurerm_mysql_flexible_server" "same_zone" {
  name                = "same-zone"
  resource_group_name = "rg"
  location            = "westeurope"
  high_availability {
    mode = "SameZone"
    # expect: FL-AZR-0002 "azurerm_mysql_flexible_server \"same_zone\" has high_availability mode \"SameZone\""
  }
}
