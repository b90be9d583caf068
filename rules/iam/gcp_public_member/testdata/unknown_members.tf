variable "member" {
  type = string
}

variable "members" {
  type = list(string)
}

resource "google_storage_bucket_iam_member" "from_variable" {
  bucket = "reports"
  role   = "roles/storage.objectViewer"
  member = var.member
}

resource "google_storage_bucket_iam_binding" "from_variable" {
  bucket  = "reports"
  role    = "roles/storage.objectViewer"
  members = var.members
}
