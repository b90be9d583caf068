#include "engine/resource_graph.h"

#include <gtest/gtest.h>

namespace faultline::engine {
namespace {

Resource Make(std::string type, std::string address) {
  Resource r;
  r.type = std::move(type);
  r.address = std::move(address);
  r.module_dir = "m";
  return r;
}

TEST(ResourceGraphTest, IndexesByTypeAddressAndEdges) {
  ResourceGraph graph;
  ResourceId group = graph.Add(Make("aws_db_subnet_group", "aws_db_subnet_group.g"));
  ResourceId a = graph.Add(Make("aws_subnet", "aws_subnet.a"));
  ResourceId b = graph.Add(Make("aws_subnet", "aws_subnet.b"));
  graph.AddEdge({group, b, EdgeKind::kReferences, "subnet_ids"});
  graph.AddEdge({group, a, EdgeKind::kReferences, "subnet_ids"});
  graph.AddEdge({group, a, EdgeKind::kReferences, "subnet_ids"});  // duplicate
  graph.Finalize();

  ASSERT_EQ(graph.OfType("aws_subnet").size(), 2u);
  EXPECT_EQ(graph.OfType("aws_subnet")[0], a);
  EXPECT_TRUE(graph.OfType("nothing").empty());
  ASSERT_NE(graph.Find("m", "aws_subnet.b"), nullptr);
  EXPECT_EQ(graph.Find("m", "aws_subnet.b")->id, b);
  EXPECT_EQ(graph.Find("other", "aws_subnet.b"), nullptr);

  EXPECT_EQ(graph.OutEdges(group).size(), 2u);
  EXPECT_EQ(graph.InEdges(a).size(), 1u);
  EXPECT_EQ(graph.InEdges(a)[0].from, group);
  auto subnets = graph.Targets(group, EdgeKind::kReferences, "aws_subnet");
  ASSERT_EQ(subnets.size(), 2u);
  EXPECT_EQ(subnets[0]->address, "aws_subnet.a");
  EXPECT_TRUE(graph.Targets(group, EdgeKind::kSelects).empty());
}

}  // namespace
}  // namespace faultline::engine
