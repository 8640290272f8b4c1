//===- FileIO.h - reading a file, replacing one atomically ------*- C++ -*-===//
//
// This file declares whole-file reading and the atomic file write that
// checkpoints rely on: the new contents go to a temporary file in the same
// directory, are flushed to the disk (fsync), and the temporary file is
// renamed over the target. A reader, or a run killed at any moment, sees
// the old file or the new one, never a mix; when any step fails the old
// file is left untouched and the temporary file is removed.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_FILEIO_H
#define QRUC_RUNTIME_FILEIO_H

#include "qruc/Runtime/DataError.h"

#include <string>

namespace qruc::runtime {

/// Replaces `path` with `contents` atomically (POSIX rename). The new file
/// gets mode 0644. Errors name `path` and the failing system call.
DataStatus writeFileAtomically(const std::string &path,
                               const std::string &contents);

/// The whole contents of `path`.
DataResult<std::string> readFile(const std::string &path);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_FILEIO_H
