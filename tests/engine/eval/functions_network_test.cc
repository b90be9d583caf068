// CIDR functions for IPv4 and IPv6 (expected values from Terraform's documentation).
#include <gtest/gtest.h>

#include "eval_test_util.h"

namespace faultline::engine::eval::testing {
namespace {

class NetworkFunctionsTest : public EvalTest {};

TEST_F(NetworkFunctionsTest, CidrSubnet) {
  EXPECT_EQ(Ok("cidrsubnet(\"172.16.0.0/12\", 4, 2)"), "\"172.18.0.0/16\"");
  EXPECT_EQ(Ok("cidrsubnet(\"10.1.2.0/24\", 4, 15)"), "\"10.1.2.240/28\"");
  EXPECT_EQ(Ok("cidrsubnet(\"10.1.2.3/24\", 0, 0)"), "\"10.1.2.0/24\"");
  EXPECT_EQ(Ok("cidrsubnet(\"fd00:fd12:3456:7890::/56\", 16, 162)"),
            "\"fd00:fd12:3456:7800:a200::/72\"");
  EXPECT_EQ(Ok("[for i in range(3) : cidrsubnet(\"10.0.0.0/16\", 8, i)]"),
            "[\"10.0.0.0/24\",\"10.0.1.0/24\",\"10.0.2.0/24\"]");
  EXPECT_NE(Err("cidrsubnet(\"10.0.0.0/30\", 4, 0)").find("insufficient address space"),
            std::string::npos);
  EXPECT_NE(Err("cidrsubnet(\"10.0.0.0/16\", 4, 16)").find("does not accommodate"),
            std::string::npos);
  EXPECT_NE(Err("cidrsubnet(\"10.0.0.0\", 4, 1)").find("invalid CIDR"), std::string::npos);
  EXPECT_NE(Err("cidrsubnet(\"300.0.0.0/8\", 4, 1)").find("invalid CIDR"), std::string::npos);
}

TEST_F(NetworkFunctionsTest, CidrHost) {
  EXPECT_EQ(Ok("cidrhost(\"10.12.112.0/20\", 16)"), "\"10.12.112.16\"");
  EXPECT_EQ(Ok("cidrhost(\"10.12.112.0/20\", 268)"), "\"10.12.113.12\"");
  EXPECT_EQ(Ok("cidrhost(\"10.12.112.0/20\", -2)"), "\"10.12.127.254\"");
  EXPECT_EQ(Ok("cidrhost(\"10.12.112.0/20\", -1)"), "\"10.12.127.255\"");
  EXPECT_EQ(Ok("cidrhost(\"fd00:fd12:3456:7890:00a2::/72\", 34)"), "\"fd00:fd12:3456:7890::22\"");
  EXPECT_EQ(Ok("cidrhost(\"::/0\", 1)"), "\"::1\"");
  EXPECT_NE(Err("cidrhost(\"10.0.0.0/30\", 4)").find("does not accommodate"), std::string::npos);
  EXPECT_NE(Err("cidrhost(\"10.0.0.0/30\", -5)").find("does not accommodate"), std::string::npos);
}

TEST_F(NetworkFunctionsTest, CidrNetmask) {
  EXPECT_EQ(Ok("cidrnetmask(\"172.16.0.0/12\")"), "\"255.240.0.0\"");
  EXPECT_EQ(Ok("cidrnetmask(\"10.0.0.0/32\")"), "\"255.255.255.255\"");
  EXPECT_EQ(Ok("cidrnetmask(\"0.0.0.0/0\")"), "\"0.0.0.0\"");
  EXPECT_NE(Err("cidrnetmask(\"fd00::/8\")").find("IPv4"), std::string::npos);
}

TEST_F(NetworkFunctionsTest, CidrSubnets) {
  EXPECT_EQ(Ok("cidrsubnets(\"10.1.0.0/16\", 4, 4, 8, 4)"),
            "[\"10.1.0.0/20\",\"10.1.16.0/20\",\"10.1.32.0/24\",\"10.1.48.0/20\"]");
  EXPECT_EQ(Ok("cidrsubnets(\"fd00:fd12:3456:7890::/56\", 16, 16, 16, 32)"),
            "[\"fd00:fd12:3456:7800::/72\",\"fd00:fd12:3456:7800:100::/72\","
            "\"fd00:fd12:3456:7800:200::/72\",\"fd00:fd12:3456:7800:300::/88\"]");
  EXPECT_EQ(Ok("cidrsubnets(\"10.0.0.0/8\")"), "[]");
  EXPECT_NE(Err("cidrsubnets(\"10.0.0.0/30\", 1, 1, 1)").find("not enough remaining"),
            std::string::npos);
  EXPECT_NE(Err("cidrsubnets(\"10.0.0.0/30\", 0)").find("at least one bit"), std::string::npos);
  EXPECT_NE(Err("cidrsubnets(\"10.0.0.0/30\", 3)").find("too long"), std::string::npos);
}

}  // namespace
}  // namespace faultline::engine::eval::testing
