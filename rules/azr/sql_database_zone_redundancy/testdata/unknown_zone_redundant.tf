variable "zone_redundant" {
  type = bool
}

resource "azurerm_mssql_database" "main" {
  name           = "main"
  server_id      = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/main"
  zone_redundant = var.zone_redundant
}
