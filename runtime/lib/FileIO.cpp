//===- FileIO.cpp - reading a file, replacing one atomically --------------===//
//
// This file implements whole-file reading and the write-fsync-rename
// sequence on POSIX.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/FileIO.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

using namespace qruc::runtime;

namespace {

DataError systemError(const std::string &path, const std::string &what) {
  return DataError{path, 0, 0, what + ": " + std::strerror(errno)};
}

std::string directoryOf(const std::string &path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string::npos)
    return ".";
  if (slash == 0)
    return "/";
  return path.substr(0, slash);
}

std::string baseName(const std::string &path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace

DataStatus qruc::runtime::writeFileAtomically(const std::string &path,
                                              const std::string &contents) {
  std::string directory = directoryOf(path);
  std::string pattern = directory + "/." + baseName(path) + ".tmp.XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0)
    return systemError(path, "cannot create a temporary file in '" +
                                 directory + "'");
  std::string temporary(name.data());
  auto abandon = [&](const std::string &what) {
    DataError error = systemError(path, what);
    if (fd >= 0)
      ::close(fd);
    ::unlink(temporary.c_str());
    return error;
  };

  const char *data = contents.data();
  std::size_t left = contents.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      if (n == 0)
        errno = EIO;
      return abandon("cannot write '" + temporary + "'");
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0)
    return abandon("cannot set the mode of '" + temporary + "'");
  if (::fsync(fd) != 0)
    return abandon("cannot flush '" + temporary + "' to the disk");
  int closed = ::close(fd);
  fd = -1;
  if (closed != 0)
    return abandon("cannot close '" + temporary + "'");
  if (::rename(temporary.c_str(), path.c_str()) != 0)
    return abandon("cannot rename '" + temporary + "' to the target");
  // Make the rename itself durable; a failure here cannot undo it, and
  // the new file is in place, so it is not reported.
  int dir = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return std::nullopt;
}

DataResult<std::string> qruc::runtime::readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return DataError{path, 0, 0,
                     std::string("cannot open the file: ") +
                         std::strerror(errno)};
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad())
    return DataError{path, 0, 0, "cannot read the file"};
  return text.str();
}
