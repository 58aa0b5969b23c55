#include "brain/linear_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace parley::brain {

namespace {

constexpr char kMagic[] = "PARLEY-LINEAR-1\n";
// SVM margins are about 1 apart where the model is sure; a scale of 4 makes
// a margin of 1 a probability near 0.98 against one rival.
constexpr double kSoftmaxScale = 4.0;

void put_u32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void put_f32(std::string* out, float f) {
  uint32_t v;
  std::memcpy(&v, &f, 4);
  put_u32(out, v);
}

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  bool u8(uint8_t* v) {
    if (pos_ + 1 > b_.size()) return false;
    *v = static_cast<uint8_t>(b_[pos_++]);
    return true;
  }
  bool u32(uint32_t* v) {
    if (pos_ + 4 > b_.size()) return false;
    *v = 0;
    for (int i = 0; i < 4; ++i) *v |= uint32_t(static_cast<uint8_t>(b_[pos_ + i])) << (8 * i);
    pos_ += 4;
    return true;
  }
  bool f32(float* f) {
    uint32_t v;
    if (!u32(&v)) return false;
    std::memcpy(f, &v, 4);
    return std::isfinite(*f);
  }
  bool bytes(size_t n, std::string* s) {
    if (pos_ + n > b_.size()) return false;
    s->assign(b_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool done() const { return pos_ == b_.size(); }

 private:
  std::string_view b_;
  size_t pos_ = 0;
};

}  // namespace

LinearModel::LinearModel(std::vector<std::string> labels, std::vector<float> bias,
                         std::vector<std::pair<uint32_t, std::vector<Weight>>> rows)
    : labels_(std::move(labels)), bias_(std::move(bias)) {
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  offsets_.push_back(0);
  for (auto& [id, ws] : rows) {
    if (!ids_.empty() && ids_.back() == id) continue;
    ids_.push_back(id);
    weights_.insert(weights_.end(), ws.begin(), ws.end());
    offsets_.push_back(static_cast<uint32_t>(weights_.size()));
  }
  index_rows();
}

void LinearModel::index_rows() {
  size_t size = 16;
  while (size < 2 * ids_.size()) size *= 2;
  slots_.assign(size, Slot{});
  for (uint32_t r = 0; r < ids_.size(); ++r) {
    size_t at = ids_[r] & (size - 1);
    while (slots_[at].begin != kFree) at = (at + 1) & (size - 1);
    slots_[at] = Slot{ids_[r], offsets_[r], offsets_[r + 1]};
  }
}

const LinearModel::Slot* LinearModel::slot_of(uint32_t id) const {
  if (slots_.empty()) return nullptr;
  const size_t mask = slots_.size() - 1;
  // Ids are FNV-1a hashes already: their low bits spread well.
  for (size_t at = id & mask;; at = (at + 1) & mask) {
    if (slots_[at].begin == kFree) return nullptr;
    if (slots_[at].id == id) return &slots_[at];
  }
}

std::string LinearModel::serialize() const {
  std::string out(kMagic);
  put_u32(&out, static_cast<uint32_t>(labels_.size()));
  for (size_t i = 0; i < labels_.size(); ++i) {
    out.push_back(static_cast<char>(labels_[i].size()));
    out += labels_[i];
    put_f32(&out, bias_[i]);
  }
  put_u32(&out, static_cast<uint32_t>(ids_.size()));
  for (size_t r = 0; r < ids_.size(); ++r) {
    put_u32(&out, ids_[r]);
    out.push_back(static_cast<char>(offsets_[r + 1] - offsets_[r]));
    for (uint32_t k = offsets_[r]; k < offsets_[r + 1]; ++k) {
      out.push_back(static_cast<char>(weights_[k].label));
      put_f32(&out, weights_[k].value);
    }
  }
  return out;
}

std::optional<LinearModel> LinearModel::parse(std::string_view bytes) {
  const size_t magic = sizeof(kMagic) - 1;
  if (bytes.substr(0, magic) != std::string_view(kMagic, magic)) return std::nullopt;
  Reader r(bytes.substr(magic));
  uint32_t n_labels;
  if (!r.u32(&n_labels) || n_labels == 0 || n_labels > 255) return std::nullopt;
  std::vector<std::string> labels(n_labels);
  std::vector<float> bias(n_labels);
  for (uint32_t i = 0; i < n_labels; ++i) {
    uint8_t len;
    if (!r.u8(&len) || !r.bytes(len, &labels[i]) || !r.f32(&bias[i])) return std::nullopt;
  }
  uint32_t n_rows;
  if (!r.u32(&n_rows)) return std::nullopt;
  std::vector<std::pair<uint32_t, std::vector<Weight>>> rows(n_rows);
  for (auto& [id, ws] : rows) {
    uint8_t count;
    if (!r.u32(&id) || !r.u8(&count)) return std::nullopt;
    ws.resize(count);
    for (auto& w : ws)
      if (!r.u8(&w.label) || w.label >= n_labels || !r.f32(&w.value)) return std::nullopt;
  }
  if (!r.done()) return std::nullopt;
  return LinearModel(std::move(labels), std::move(bias), std::move(rows));
}

std::vector<double> LinearModel::probabilities(const std::vector<Feature>& features) const {
  std::vector<double> score = scores(features);
  if (score.empty()) return score;
  const double top = *std::max_element(score.begin(), score.end());
  double sum = 0;
  for (auto& s : score) sum += (s = std::exp(kSoftmaxScale * (s - top)));
  for (auto& s : score) s /= sum;
  return score;
}

std::vector<double> LinearModel::scores(const std::vector<Feature>& features) const {
  if (labels_.empty()) return {};
  std::vector<double> score(bias_.begin(), bias_.end());
  if (slots_.empty()) return score;
  // Each feature costs two reads at random into megabytes (its slot, then its
  // weights), and taken one after the other those misses were 9 % of the
  // server's cycles under the load mix (perf at 0bcaec2, issue 22). A batch's
  // slots are fetched together, then their weights, then summed.
  constexpr size_t kBatch = 16;
  const size_t mask = slots_.size() - 1;
  const Slot* found[kBatch];
  for (size_t from = 0; from < features.size(); from += kBatch) {
    const size_t n = std::min(kBatch, features.size() - from);
    const Feature* batch = features.data() + from;
    for (size_t i = 0; i < n; ++i) __builtin_prefetch(&slots_[batch[i].id & mask]);
    for (size_t i = 0; i < n; ++i)
      if ((found[i] = slot_of(batch[i].id))) __builtin_prefetch(&weights_[found[i]->begin]);
    for (size_t i = 0; i < n; ++i) {
      if (!found[i]) continue;
      for (uint32_t k = found[i]->begin; k < found[i]->end; ++k)
        score[weights_[k].label] += double(weights_[k].value) * batch[i].value;
    }
  }
  return score;
}

}  // namespace parley::brain
