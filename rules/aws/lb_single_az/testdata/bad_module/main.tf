# Subnets created in a local module and passed back through its outputs.
module "network" {
  source = "./modules/network"
  zones  = ["eu-west-1a", "eu-west-1b"]
}

resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  subnets            = module.network.public_subnet_ids
  # expect: FL-AWS-0015 "aws_lb \"web\" is enabled only in eu-west-1a and eu-west-1b, fewer than 3 availability zones"
}

resource "aws_lb" "nlb" {
  # expect: FL-AWS-0015 "aws_lb \"nlb\" is enabled only in eu-west-1a, fewer than 3 availability zones: a zone outage takes the entry point down"
  name               = "nlb"
  load_balancer_type = "network"

  subnet_mapping {
    subnet_id = module.network.public_subnet_ids[0]
  }
}

resource "aws_elb" "classic" {
  name               = "classic"
  availability_zones = ["eu-west-1a"]
  # expect: FL-AWS-0015 "aws_elb \"classic\" is enabled only in eu-west-1a"

  listener {
    instance_port     = 80
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}
