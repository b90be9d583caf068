#include "rules/aws/mq_single_instance/mq_single_instance.h"

#include <string>

#include "rules/common/known_values.h"
#include "rules/common/resource_label.h"

namespace faultline::rules {

namespace {

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-AWS-0011";
  m.name = "aws-mq-single-instance";
  m.severity = engine::Severity::kHigh;
  m.title = "Amazon MQ broker runs as a single instance";
  m.summary =
      "An Amazon MQ broker runs as a single instance in one Availability Zone (`deployment_mode` "
      "is `SINGLE_INSTANCE` or not set).";
  m.why =
      "A single-instance broker has no standby: during its maintenance window, on a host failure "
      "or in a zone outage, producers and consumers cannot connect and messages on the broker "
      "are unavailable until it comes back. `deployment_mode` defaults to `SINGLE_INSTANCE`.";
  m.remediation =
      "Use `deployment_mode = \"ACTIVE_STANDBY_MULTI_AZ\"` for ActiveMQ or "
      "`\"CLUSTER_MULTI_AZ\"` for RabbitMQ, with subnets in different Availability Zones. The "
      "deployment mode cannot be changed in place: the broker is replaced.";
  m.example_fix =
      "resource \"aws_mq_broker\" \"events\" {\n"
      "  broker_name        = \"events\"\n"
      "  engine_type        = \"ActiveMQ\"\n"
      "  engine_version     = \"5.17.6\"\n"
      "  host_instance_type = \"mq.m5.large\"\n"
      "  deployment_mode    = \"ACTIVE_STANDBY_MULTI_AZ\"\n"
      "  subnet_ids         = [aws_subnet.a.id, aws_subnet.b.id]\n"
      "}\n";
  m.references = {
      "https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/"
      "active-standby-broker-deployment.html",
      "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
      "mq_broker#deployment_mode",
  };
  m.peers = {
      {"cloud-custodian (EPAM ecc-aws-rulepack)", "ecc-aws-433-mq_broker_active_deployment_mode"},
  };
  m.scope.kinds = {engine::ResourceKind::kManaged};
  m.scope.types = {"aws_mq_broker"};
  return m;
}

}  // namespace

const engine::RuleMetadata& MqSingleInstanceRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void MqSingleInstanceRule::Check(const engine::RuleContext& context,
                                 engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  const std::string label = ResourceLabel(resource);
  const engine::Value* mode = resource.Get("deployment_mode");
  if (mode == nullptr || mode->is_null()) {
    sink.Report(mode == nullptr ? "" : "deployment_mode", mode,
                label +
                    " runs as a single instance (deployment_mode is not set and defaults to "
                    "SINGLE_INSTANCE): maintenance, a host failure or a zone outage stops "
                    "messaging");
    return;
  }
  std::optional<std::string> name = KnownString(mode);
  if (!name.has_value() || *name != "SINGLE_INSTANCE") return;
  sink.Report("deployment_mode", mode,
              label +
                  " runs as a single instance (SINGLE_INSTANCE): maintenance, a host failure or "
                  "a zone outage stops messaging");
}

}  // namespace faultline::rules
