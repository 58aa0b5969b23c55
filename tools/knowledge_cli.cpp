// `parley knowledge import [options] FILE…`: uploads the shop's documents into
// the event log with a progress bar, while the server is stopped (the server
// takes the same at POST /api/v1/admin/knowledge). Each file becomes the
// document named by its file name ("Returns policy.md" -> "returns-policy-md");
// its format follows the extension (.md markdown, .csv faq_csv, .docx, .pdf,
// anything else text) unless --format names it (whatsapp_chat for an exported
// chat). A .docx or PDF is read into text first (formats/knowledge_file.hpp).
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include "actors/knowledge_commands.hpp"
#include "events/rocks_event_store.hpp"
#include "formats/knowledge_file.hpp"
#include "tools/catalog_import.hpp"
#include "tools/commands.hpp"

namespace parley::tools {
namespace {

namespace knowledge = domain::knowledge;

constexpr const char* kUsage =
    "usage: parley knowledge import [--language en|es|ru|id|hi] [--format F]\n"
    "                               [--purpose info|sales_script --stage S] FILE...\n";

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// "Returns policy.md" -> "returns-policy-md": a-z, 0-9 and '-', at most 64.
std::string id_of(const std::string& name) {
  std::string id;
  for (unsigned char c : name) {
    const char lower = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    const bool keep = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
    if (keep)
      id += lower;
    else if (!id.empty() && id.back() != '-')
      id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.substr(0, 64);
}

knowledge::Format format_of(const std::string& name) {
  knowledge::Format f = knowledge::Format::text;
  formats::knowledge_format_of_name(name, &f);
  return f;
}

// A Word file or PDF may hold far more than its text (pictures); past this,
// it is surely not a handbook.
constexpr uintmax_t kMaxFileBytes = 64ull << 20;

// The file's text for its format, or why it cannot be read.
bool read_document(const std::string& path, knowledge::Format format, std::string* text,
                   std::string* problem) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxFileBytes) {
    *problem = "larger than 64 MiB";
    return false;
  }
  std::string file;
  if (!read_file(path, &file, problem)) return false;
  auto read = formats::knowledge_text_of(format, file);
  if (!read) {
    const auto& e = read.error();
    *problem =
        (e.part.empty() ? "" : e.part + (e.line ? ":" + std::to_string(e.line) : "") + ": ") +
        e.message;
    return false;
  }
  *text = std::move(read.value());
  return true;
}

void progress(size_t done, size_t total, bool tty) {
  if (!tty || total == 0) return;
  const int width = 40;
  const int filled = static_cast<int>(width * done / total);
  std::fprintf(stderr, "\rimporting [%.*s%*s] %zu/%zu", filled,
               "########################################", width - filled, "", done, total);
  if (done == total) std::fputc('\n', stderr);
}

}  // namespace

int run_knowledge(int argc, char** argv) {
  if (argc < 3 || std::string(argv[1]) != "import") {
    std::fputs(kUsage, stderr);
    return 2;
  }
  knowledge::Document base;
  base.language = "en";
  std::string format;
  std::vector<std::string> files;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--language" && has_value)
      base.language = argv[++i];
    else if (a == "--format" && has_value)
      format = argv[++i];
    else if (a == "--stage" && has_value)
      base.stage = argv[++i];
    else if (a == "--purpose" && has_value) {
      if (!knowledge::purpose_from(argv[++i], &base.purpose)) {
        std::fprintf(stderr, "parley: --purpose is info or sales_script\n");
        return 2;
      }
    } else if (a.rfind("--", 0) == 0) {
      std::fputs(kUsage, stderr);
      return 2;
    } else {
      files.push_back(a);
    }
  }
  knowledge::Format forced = knowledge::Format::text;
  if (!format.empty() && !knowledge::format_from(format, &forced)) {
    std::fprintf(stderr,
                 "parley: --format is text, markdown, faq_csv, whatsapp_chat, docx or pdf\n");
    return 2;
  }
  Settings settings;
  std::string error;
  if (files.empty() || !load_settings(&settings, &error)) {
    std::fprintf(stderr, "parley: %s", files.empty() ? kUsage : (error + "\n").c_str());
    return 2;
  }
  auto store = open_log_for_import(settings, "POST /api/v1/admin/knowledge");
  if (!store) return 1;
  events::GroupCommitWriter writer(*store);
  actors::KnowledgeCommands commands(*store, writer, wall_clock_us);
  const bool tty = isatty(STDERR_FILENO);
  int failed = 0, partial = 0;
  for (size_t n = 0; n < files.size(); ++n) {
    const std::string& path = files[n];
    const std::string name = base_name(path);
    knowledge::Document doc = base;
    doc.title = name;
    doc.format = format.empty() ? format_of(name) : forced;
    std::string id = id_of(name), problem;
    if (!read_document(path, doc.format, &doc.body, &problem)) {
      problem = problem.empty() ? "cannot read it" : problem;
    } else if (!actors::valid_document_id(id)) {
      problem = "its name makes no document id";
    } else {
      const auto up = commands.upload(id, doc, "cli:knowledge import");
      for (const auto& e : up.split.errors) {
        if (e.line)
          std::fprintf(stderr, "%s:%u: %s\n", path.c_str(), e.line, e.message.c_str());
        else
          std::fprintf(stderr, "%s: %s\n", path.c_str(), e.message.c_str());
      }
      if (!up.readable)
        problem = "nothing in it could be read";
      else if (!up.outcome.ok)
        problem = up.outcome.error_code() + ": " + up.outcome.message;
      else {
        if (!up.split.errors.empty()) ++partial;
        std::fprintf(stderr, "%s%s: %s, %zu passages, %s\n", tty ? "\r" : "", path.c_str(),
                     id.c_str(), up.split.passages.size(),
                     up.outcome.events.empty() ? "unchanged"
                     : up.created()            ? "added"
                                               : "replaced");
      }
    }
    if (!problem.empty()) {
      ++failed;
      std::fprintf(stderr, "%s: %s\n", path.c_str(), problem.c_str());
    }
    progress(n + 1, files.size(), tty);
  }
  writer.stop();
  if (failed == static_cast<int>(files.size())) return 1;
  return failed || partial ? 3 : 0;
}

}  // namespace parley::tools
