variable "tier" {
  type = string
}

resource "google_redis_instance" "cache" {
  name           = "cache"
  tier           = var.tier
  memory_size_gb = 5
}
