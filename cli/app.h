// The faultline command line: `scan`, `rules list`, `rules show`, `version`.
//
// RunFaultline parses the arguments with CLI11 and runs the subcommand. It never throws and
// never calls exit(): it returns the process exit status (cli/exit_codes.h). Everything it prints
// goes to `out` / `err`, so tests can run it in process; main.cc only wires up the real streams.
#ifndef FAULTLINE_CLI_APP_H_
#define FAULTLINE_CLI_APP_H_

#include <map>
#include <ostream>
#include <string>

namespace faultline::cli {

struct Environment {
  std::ostream& out;
  std::ostream& err;
  bool out_is_tty = false;                       // colour is allowed on `out`
  std::map<std::string, std::string> variables;  // the process environment
  std::istream* in = nullptr;                    // standard input (`scan -`); null: none
  // The process exits when RunFaultline returns (the real binary): large results need not be
  // freed piece by piece. Tests that call RunFaultline repeatedly leave it false.
  bool exits_after_command = false;
};

int RunFaultline(int argc, const char* const* argv, Environment& env);

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_APP_H_
