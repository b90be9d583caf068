resource "azurerm_mssql_database" "unset" {
  # expect: FL-AZR-0001 "azurerm_mssql_database \"unset\" is not zone redundant (zone_redundant is not set)"
  name      = "unset"
  server_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/main"
  sku_name  = "GP_Gen5_2"
}

resource "azurerm_mssql_elasticpool" "pool" {
  name                = "pool"
  resource_group_name = "rg"
  location            = "westeurope"
  server_name         = "main"
  zone_redundant      = false
  # expect: FL-AZR-0001 "azurerm_mssql_elasticpool \"pool\" is not zone redundant (zone_redundant = false)"
}
