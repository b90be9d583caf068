resource "azurerm_kubernetes_cluster" "main" {
  name                = "main"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "main"
  default_node_pool {
    # expect: FL-AZR-0005 "azurerm_kubernetes_cluster \"main\" default_node_pool lists no zones"
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "workers" {
  name                  = "workers"
  kubernetes_cluster_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/main"
  vm_size               = "Standard_D4s_v5"
  zones                 = ["2"]
  # expect: FL-AZR-0005 "azurerm_kubernetes_cluster_node_pool \"workers\" lists one zone"
}
