resource "aws_db_instance" "primary" {
  identifier     = "primary"
  engine         = "postgres"
  instance_class = "db.r6g.large"
  multi_az       = true
}

# Read replicas follow their primary; they are commonly single-AZ by design.
resource "aws_db_instance" "replica" {
  identifier          = "replica"
  replicate_source_db = aws_db_instance.primary.identifier
  instance_class      = "db.r6g.large"
}

resource "aws_db_instance" "replica_by_arn" {
  identifier          = "replica-by-arn"
  replicate_source_db = "arn:aws:rds:eu-west-1:123456789012:db:primary"
  instance_class      = "db.r6g.large"
  multi_az            = false
}

# Aurora instances are cluster members: availability is a property of the cluster.
resource "aws_db_instance" "aurora_member" {
  identifier     = "aurora-1"
  engine         = "aurora-mysql"
  instance_class = "db.r6g.large"
}

resource "aws_db_instance" "cluster_member" {
  identifier         = "cluster-1"
  cluster_identifier = "orders"
  instance_class     = "db.r6g.large"
}
