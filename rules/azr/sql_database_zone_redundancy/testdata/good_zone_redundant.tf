resource "azurerm_mssql_database" "orders" {
  name           = "orders"
  server_id      = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/main"
  sku_name       = "GP_Gen5_2"
  zone_redundant = true
}

resource "azurerm_mssql_database" "pooled" {
  name            = "pooled"
  server_id       = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/main"
  elastic_pool_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/main/elasticPools/pool"
}

resource "azurerm_mssql_database" "geo_secondary" {
  name                        = "secondary"
  server_id                   = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/dr"
  create_mode                 = "Secondary"
  creation_source_database_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/main/databases/orders"
}
