#include "security/great_wall.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "security/rng.h"

namespace cardface::security {
namespace {

constexpr double kPi = std::numbers::pi;

// A ridge: y of its crest at x, as a smooth sum of a few sines with seeded phases.
struct Ridge {
  double base_y = 0;     // the crest's lowest (largest) y
  double height_mm = 0;  // how far above base_y the crest can rise
  double x0 = 0, width = 1;
  double freq[4] = {}, phase[4] = {}, weight[4] = {};

  double y(double x) const {
    const double u = (x - x0) / width;
    double f = 0, total = 0;
    for (int k = 0; k < 4; ++k) {
      f += weight[k] * std::sin(2 * kPi * freq[k] * u + phase[k]);
      total += weight[k];
    }
    return base_y - height_mm * (0.5 + 0.5 * f / total);
  }
};

class Painter {
 public:
  Painter(const WallParams& p, const std::vector<std::vector<double>>& tops) : p_(p), tops_(tops) {}

  // Adds `points` (a polyline of layer `layer`) to `out`, split where a nearer layer hides it.
  void polyline(const std::vector<Point>& points, int layer, std::vector<Path>& out) const {
    std::vector<Point> run;
    auto flush = [&] {
      if (run.size() >= 2) {
        Path path;
        path.move_to(run[0]);
        for (std::size_t i = 1; i < run.size(); ++i) path.line_to(run[i]);
        out.push_back(std::move(path));
      }
      run.clear();
    };
    for (std::size_t i = 0; i < points.size(); ++i) {
      const Point a = i ? points[i - 1] : points[0], b = points[i];
      const int pieces =
          i ? std::max(1, int(std::ceil(std::hypot(b.x - a.x, b.y - a.y) / p_.step_mm))) : 1;
      for (int k = i ? 1 : 0; k <= pieces; ++k) {
        const double t = i ? double(k) / pieces : 0;
        const Point q{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
        if (visible(q, layer))
          run.push_back(q);
        else
          flush();
      }
    }
    flush();
  }

 private:
  bool visible(Point q, int layer) const {
    if (q.x < p_.box.x || q.x > p_.box.x + p_.box.width || q.y < p_.box.y ||
        q.y > p_.box.y + p_.box.height)
      return false;
    const double fi = (q.x - p_.box.x) / p_.step_mm;
    const std::size_t i = std::min(tops_[0].size() - 1, std::size_t(std::max(0.0, std::round(fi))));
    for (std::size_t j = std::size_t(layer) + 1; j < tops_.size(); ++j)
      if (q.y > tops_[j][i] + 1e-6) return false;
    return true;
  }

  const WallParams& p_;
  const std::vector<std::vector<double>>& tops_;  // per layer: its outline's top at each sample
};

}  // namespace

WallArt great_wall(const WallParams& p) {
  WallArt art;
  const int layers = std::max(1, p.ridges);
  const int wall_layer =
      p.wall_ridge >= 0 ? std::min(p.wall_ridge, layers - 1) : std::max(0, layers - 2);
  const double h = p.box.height, w = p.box.width;
  const double wall_h = p.wall_height_mm > 0 ? p.wall_height_mm : 0.09 * h;
  const double merlon_h = 0.45 * wall_h, merlon_w = 0.5 * wall_h, merlon_gap = 0.4 * wall_h;
  const double tower_w = 2.4 * wall_h, tower_h = 2.1 * wall_h;

  Rng rng(p.seed);
  std::vector<Ridge> ridges(layers);
  for (int j = 0; j < layers; ++j) {
    const double depth = layers > 1 ? double(j) / (layers - 1) : 1;  // 0 far, 1 near
    Ridge& r = ridges[j];
    r.x0 = p.box.x;
    r.width = w;
    r.base_y = p.box.y + h * (0.55 + 0.42 * depth);
    // Room above the farthest crest for the wall and towers when it carries them.
    r.height_mm = h * (0.38 - 0.18 * depth);
    for (int k = 0; k < 4; ++k) {
      r.freq[k] = (k + 1) * rng.uniform(0.8, 1.3);
      r.phase[k] = rng.uniform(0, 2 * kPi);
      r.weight[k] = 1.0 / ((k + 1) * (k + 1)) * rng.uniform(0.7, 1.3);
    }
  }
  // Keep the wall's towers inside the box: its ridge must not rise above the top.
  Ridge& carrier = ridges[wall_layer];
  carrier.height_mm =
      std::min(carrier.height_mm, carrier.base_y - p.box.y - tower_h - merlon_h - 0.2);

  // Towers: evenly spread, each moved to the highest crest point near its place.
  const int samples = std::max(2, int(std::ceil(w / p.step_mm)) + 1);
  auto xs = [&](int i) { return p.box.x + i * p.step_mm; };
  std::vector<double> tower_x;
  for (int t = 0; t < p.towers; ++t) {
    // Each tower searches only its own share of the width, so towers never touch.
    const double share = w / p.towers;
    const double reach = std::max(0.0, std::min(0.06 * w, share / 2 - 0.75 * tower_w));
    const double centre = p.box.x + share * (t + 0.5) + rng.uniform(-0.5, 0.5) * reach;
    double best = centre, best_y = carrier.y(centre);
    for (double x = centre - reach / 2; x <= centre + reach / 2; x += p.step_mm)
      if (x - tower_w / 2 > p.box.x && x + tower_w / 2 < p.box.x + w && carrier.y(x) < best_y) {
        best = x;
        best_y = carrier.y(x);
      }
    tower_x.push_back(std::clamp(best, p.box.x + tower_w / 2, p.box.x + w - tower_w / 2));
  }
  for (double cx : tower_x) {
    const double top = carrier.y(cx) - tower_h;
    const double bottom = std::max(carrier.y(cx - tower_w / 2), carrier.y(cx + tower_w / 2));
    art.towers.push_back({cx - tower_w / 2, top, tower_w, bottom - top});
  }
  auto in_tower = [&](double x) {
    for (const Rect& t : art.towers)
      if (x >= t.x && x <= t.x + t.width) return &t;
    return static_cast<const Rect*>(nullptr);
  };

  // Each layer's outline top, for hiding what lies behind it.
  std::vector<std::vector<double>> tops(layers, std::vector<double>(samples));
  for (int j = 0; j < layers; ++j)
    for (int i = 0; i < samples; ++i) {
      const double x = xs(i);
      double top = ridges[j].y(x);
      if (j == wall_layer) {
        top -= wall_h;
        if (const Rect* t = in_tower(x)) top = std::min(top, t->y - merlon_h);
      }
      tops[j][i] = top;
    }
  const Painter painter(p, tops);

  // Terrain: each crest, then contour lines below it, more of them where the slope is steep.
  for (int j = 0; j < layers; ++j) {
    const Ridge& r = ridges[j];
    std::vector<Point> crest;
    for (int i = 0; i < samples; ++i) crest.push_back({xs(i), r.y(xs(i))});
    painter.polyline(crest, j, art.terrain);
    for (int k = 0; k < p.hatch_lines; ++k) {
      const double offset = p.hatch_spacing_mm * std::pow(k + 1, 1.25);
      const double min_slope = 0.04 * k;  // deeper lines only on steeper ground
      std::vector<Point> line;
      auto flush = [&] {
        if (line.size() >= 2) painter.polyline(line, j, art.terrain);
        line.clear();
      };
      for (int i = 0; i < samples; ++i) {
        const double x = xs(i);
        const double slope = std::abs(r.y(x + p.step_mm) - r.y(x - p.step_mm)) / (2 * p.step_mm);
        if (slope >= min_slope)
          line.push_back({x, r.y(x) + offset});
        else
          flush();
      }
      flush();
    }
  }

  // The wall: body lines (top, a course, bottom on the crest) between the towers, the top
  // crenellated; merlons stand upright whatever the slope.
  std::vector<Point> top, course, bottom;
  bool last_merlon = false;
  auto flush_wall = [&] {
    for (auto* line : {&top, &course, &bottom}) {
      if (line->size() >= 2) painter.polyline(*line, wall_layer, art.wall);
      line->clear();
    }
  };
  for (int i = 0; i < samples; ++i) {
    const double x = xs(i);
    if (in_tower(x)) {
      flush_wall();
      continue;
    }
    const double y = carrier.y(x);
    const double phase = std::fmod(x - p.box.x, merlon_w + merlon_gap);
    const bool merlon = phase < merlon_w;
    // A step straight up or down where a merlon starts or ends.
    if (!top.empty() && merlon != last_merlon)
      top.push_back({x, y - wall_h - (last_merlon ? merlon_h : 0)});
    top.push_back({x, y - wall_h - (merlon ? merlon_h : 0)});
    last_merlon = merlon;
    course.push_back({x, y - wall_h * 0.45});
    bottom.push_back({x, y});
  }
  flush_wall();

  // Towers: body, a parapet ledge, three merlons, two arched windows.
  for (const Rect& t : art.towers) {
    const double x0 = t.x, x1 = t.x + t.width, y0 = t.y, y1 = t.y + t.height;
    painter.polyline({{x0, y1}, {x0, y0}, {x1, y0}, {x1, y1}}, wall_layer, art.wall);
    const double ledge = y0 + 0.18 * tower_h;
    painter.polyline({{x0 - 0.08 * t.width, ledge}, {x1 + 0.08 * t.width, ledge}}, wall_layer,
                     art.wall);
    const double mw = t.width / 5;
    for (int m = 0; m < 3; ++m) {
      const double mx = x0 + m * 2 * mw;
      painter.polyline({{mx, y0}, {mx, y0 - merlon_h}, {mx + mw, y0 - merlon_h}, {mx + mw, y0}},
                       wall_layer, art.wall);
    }
    const double win_w = 0.2 * t.width, win_h = 0.32 * tower_h,
                 sill = ledge + 0.2 * tower_h + win_h;
    for (double cx : {x0 + 0.3 * t.width, x0 + 0.7 * t.width}) {
      std::vector<Point> window{{cx - win_w / 2, sill}, {cx - win_w / 2, sill - win_h + win_w / 2}};
      for (int a = 1; a < 12; ++a) {
        const double angle = kPi + kPi * a / 12;
        window.push_back({cx + win_w / 2 * std::cos(angle),
                          sill - win_h + win_w / 2 + win_w / 2 * std::sin(angle)});
      }
      window.push_back({cx + win_w / 2, sill - win_h + win_w / 2});
      window.push_back({cx + win_w / 2, sill});
      window.push_back({cx - win_w / 2, sill});
      painter.polyline(window, wall_layer, art.wall);
    }
  }
  return art;
}

}  // namespace cardface::security
