locals {
  big   = 1e9
  small = 1.5e-3
  upper = 2E+2
  huge  = 1e999999
  items = range(1e9)
}
