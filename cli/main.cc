// faultline's entry point: wires the process streams and environment into RunFaultline.
#include <unistd.h>

#include <iostream>
#include <string>

#include "cli/app.h"

extern char** environ;

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  faultline::cli::Environment env{std::cout, std::cerr, false, {}, &std::cin};
  env.out_is_tty = isatty(STDOUT_FILENO) == 1;
  env.exits_after_command = true;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string text(*entry);
    size_t equals = text.find('=');
    if (equals == std::string::npos) continue;
    env.variables.emplace(text.substr(0, equals), text.substr(equals + 1));
  }
  return faultline::cli::RunFaultline(argc, argv, env);
}
