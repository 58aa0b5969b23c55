// Numbers said in words, ordinals (brain/nlu_numbers.cpp), and dates and
// times resolved against the message's `now` (brain/nlu_datetime.cpp), in
// en, es, ru, id and hi (Latin and Devanagari). Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "brain/nlu_tokens.hpp"

namespace parley::brain::nlu {

// 1..20 said as a word ("three", "tres", "три", "tiga", "teen", "तीन"), or digits.
std::optional<int> cardinal(const std::string& folded);
// 1..10 as an ordinal ("2nd", "second", "segundo", "второго", "kedua", "dusra", "दूसरा").
std::optional<int> ordinal(const std::string& folded);

// A quantity said with a counting word, starting at token i: "a dozen",
// "half a dozen", "do darjan", "una docena", "полдюжины", "дюжину",
// "selusin", "setengah lusin", "ek darjan", "एक दर्जन", "a couple", "a pair",
// "пару", "sepasang". `length` receives how many tokens it used.
std::optional<int> counted_quantity(const Tokens& tokens, size_t i, size_t* length);

// A word of dates and times: a weekday, a month, a relative day or a part of
// the day ("shukravar", "noviembre", "besok", "subah", "вечера").
bool is_time_word(const std::string& folded);

struct LocalNow {
  int year = 2026, month = 1, day = 1, hour = 0, minute = 0;
  int offset_minutes = 0;  // of the local time from UTC
};
// "2026-11-22T10:00:00+05:30" (seconds and offset optional; 'Z' = UTC).
bool parse_now(const std::string& iso, LocalNow* now);
// The local time `offset_minutes` from UTC at `epoch_us` (µs since the epoch).
LocalNow local_now(int64_t epoch_us, int offset_minutes);

// The date and time the message names, as "YYYY-MM-DDTHH:MM" local time, or ""
// (brain/nlu_datetime.cpp). Relative days, weekdays (the next one after
// today), "25 Nov", "1st Dec", "1 de diciembre", "25 ноября", "25/11", "3.12",
// "tgl 27", "lunes 30"; "3pm", "4:30pm", "10:30", "17h", "noon", "a las 5 y
// media", "в 11", "в половине третьего", "jam setengah 10", "saade 4 baje",
// "half past 4", "friday 10". The old date of a move is not the date
// ("en vez del martes"). A time without am/pm: 1-7 afternoon, 8-11 morning,
// 12 noon.
std::string resolve_datetime(const Tokens& tokens, const LocalNow& now);

}  // namespace parley::brain::nlu
