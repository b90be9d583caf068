resource "azurerm_postgresql_flexible_server" "main" {
  name                = "main"
  resource_group_name = "rg"
  location            = "westeurope"
  sku_name            = "GP_Standard_D2s_v3"
  high_availability {
    mode = "ZoneRedundant"
  }
}

resource "azurerm_postgresql_flexible_server" "replica" {
  name             = "replica"
  resource_group_name = "rg"
  location         = "northeurope"
  create_mode      = "Replica"
  source_server_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/main"
}
