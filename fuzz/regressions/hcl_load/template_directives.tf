locals {
  xs = ["a", "b"]
  t  = "%{for x in local.xs}%{if x == "a"}${x}%{else}%{for y in local.xs}${y}%{endfor}%{endif}%{endfor}"
  u  = "%{for x in local.undefined}${x}%{endfor}"
  v  = <<-EOT
    %{~ for k, v in {a = 1} ~}
    ${k}=${v}
    %{~ endfor ~}
  EOT
}
