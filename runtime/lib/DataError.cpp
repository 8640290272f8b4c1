//===- DataError.cpp - errors of the training library as values -----------===//
//
// This file formats a DataError the way every qruc diagnostic reads.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/DataError.h"

using namespace qruc::runtime;

std::string DataError::str() const {
  std::string text;
  if (!file.empty()) {
    text += file;
    if (line) {
      text += ":" + std::to_string(line);
      if (column)
        text += ":" + std::to_string(column);
    }
    text += ": ";
  }
  return text + "error: " + message;
}
