variable "ha_mode" {
  type = string
}

resource "azurerm_postgresql_flexible_server" "main" {
  name                = "main"
  resource_group_name = "rg"
  location            = "westeurope"
  high_availability {
    mode = var.ha_mode
  }
}
