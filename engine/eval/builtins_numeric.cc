// Numeric functions: abs, ceil, floor, log, pow, signum, min, max, parseint.
#include <cmath>
#include <string>

#include "engine/eval/builtins.h"

namespace faultline::engine::eval {

namespace {

template <double (*F)(double)>
Value Unary(Call& call) {
  double n;
  if (!call.ArgNumber(0, &n)) return call.Failed();
  return call.Number(F(n));
}

double Abs(double n) { return std::fabs(n); }
double Ceil(double n) { return std::ceil(n); }
double Floor(double n) { return std::floor(n); }
double Signum(double n) { return n > 0 ? 1 : n < 0 ? -1 : 0; }

Value Log(Call& call) {
  double n, base;
  if (!call.ArgNumber(0, &n) || !call.ArgNumber(1, &base)) return call.Failed();
  if (n <= 0 || base <= 0 || base == 1) {
    return call.Fail("log is only defined for a positive number and a positive base other than 1");
  }
  return call.Number(std::log(n) / std::log(base));
}

Value Pow(Call& call) {
  double a, b;
  if (!call.ArgNumber(0, &a) || !call.ArgNumber(1, &b)) return call.Failed();
  double result = std::pow(a, b);
  if (std::isnan(result)) return call.Fail("the result of pow is not a real number");
  return call.Number(result);
}

Value MinMax(Call& call, bool want_max) {
  if (call.size() == 0) return call.Fail("must pass at least one number");
  double best = 0;
  for (size_t i = 0; i < call.size(); ++i) {
    double n;
    if (!call.ArgNumber(i, &n)) return call.Failed();
    if (i == 0 || (want_max ? n > best : n < best)) best = n;
  }
  return call.Number(best);
}

Value Min(Call& call) { return MinMax(call, false); }
Value Max(Call& call) { return MinMax(call, true); }

int DigitValue(char c, int base) {
  if (c >= '0' && c <= '9') return c - '0';
  if (base <= 36) {
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  } else {
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 36;
  }
  return 99;
}

Value ParseInt(Call& call) {
  std::string text;
  int64_t base;
  if (!call.ArgString(0, &text) || !call.ArgInteger(1, &base)) return call.Failed();
  if (base < 2 || base > 62) {
    return call.Fail("base must be a whole number between 2 and 62 inclusive");
  }
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  if (i == text.size()) {
    return call.Fail("cannot parse \"" + text + "\" as a base " + std::to_string(base) +
                     " integer");
  }
  double value = 0;
  for (; i < text.size(); ++i) {
    int digit = DigitValue(text[i], static_cast<int>(base));
    if (digit >= base) {
      return call.Fail("cannot parse \"" + text + "\" as a base " + std::to_string(base) +
                       " integer");
    }
    value = value * static_cast<double>(base) + digit;
  }
  return call.Number(negative ? -value : value);
}

constexpr BuiltinSpec kNumericBuiltins[] = {
    {"abs", 1, 1, UnknownPolicy::kDeep, Unary<Abs>},
    {"ceil", 1, 1, UnknownPolicy::kDeep, Unary<Ceil>},
    {"floor", 1, 1, UnknownPolicy::kDeep, Unary<Floor>},
    {"log", 2, 2, UnknownPolicy::kDeep, Log},
    {"max", 1, -1, UnknownPolicy::kDeep, Max},
    {"min", 1, -1, UnknownPolicy::kDeep, Min},
    {"parseint", 2, 2, UnknownPolicy::kDeep, ParseInt},
    {"pow", 2, 2, UnknownPolicy::kDeep, Pow},
    {"signum", 1, 1, UnknownPolicy::kDeep, Unary<Signum>},
};

}  // namespace

std::span<const BuiltinSpec> NumericBuiltins() { return kNumericBuiltins; }

}  // namespace faultline::engine::eval
