variable "location" {
  type    = string
  default = "europe-west4-b"
}

resource "google_container_cluster" "zonal" {
  name               = "zonal"
  location           = var.location
  # expect: FL-GCP-0002 "google_container_cluster \"zonal\" is zonal (location = \"europe-west4-b\" is a zone)"
  initial_node_count = 1
}

resource "google_container_cluster" "legacy" {
  name               = "legacy"
  zone               = "us-central1-a"
  # expect: FL-GCP-0002 "is zonal (deprecated zone = \"us-central1-a\")"
  initial_node_count = 1
}
