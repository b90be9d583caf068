variable "zones" {
  type = list(string)
}

resource "azurerm_kubernetes_cluster_node_pool" "workers" {
  name                  = "workers"
  kubernetes_cluster_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/main"
  vm_size               = "Standard_D4s_v5"
  zones                 = var.zones
}
