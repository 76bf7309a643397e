// Errors as a few types, translated once at the edges: the CLI prints them and sets the exit code,
// the HTTP layer maps them to a status and a JSON message.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace tawsiya {

// Base of every error tawsiya raises on purpose.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A record or line of input that cannot be read: the message is "file:line: reason".
class InputError : public Error {
  public:
    InputError(std::string file, std::size_t line, std::string reason)
        : Error(file + ":" + std::to_string(line) + ": " + reason),
          file_(std::move(file)),
          line_(line),
          reason_(std::move(reason)) {}
    const std::string& file() const { return file_; }
    std::size_t line() const { return line_; }
    const std::string& reason() const { return reason_; }

  private:
    std::string file_;
    std::size_t line_;
    std::string reason_;
};

// A field of a record, or a value, that is malformed; readers turn it into an InputError
// once they know the file and line.
class FormatError : public Error {
  public:
    using Error::Error;
};

// A bad command-line option or request parameter; `parameter` names it.
class UsageError : public Error {
  public:
    UsageError(std::string parameter, const std::string& reason)
        : Error(parameter.empty() ? reason : parameter + ": " + reason),
          parameter_(std::move(parameter)) {}
    const std::string& parameter() const { return parameter_; }

  private:
    std::string parameter_;
};

// A request over a configured limit (query length, page size, wildcard expansion, time).
class LimitError : public UsageError {
  public:
    using UsageError::UsageError;
};

// The index cannot be opened, read or written.
class IndexError : public Error {
  public:
    using Error::Error;
};

// A part of the index that does not answer now (a shard down): the HTTP layer answers 503, and
// the next request tries again.
class UnavailableError : public Error {
  public:
    using Error::Error;
};

// A record id that the index does not hold.
class NotFoundError : public Error {
  public:
    using Error::Error;
};

}  // namespace tawsiya
