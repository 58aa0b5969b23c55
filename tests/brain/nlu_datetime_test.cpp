// The date and time reader on forms the first rules missed, in every
// language, with sentences written for this test (not from the corpus).
// `now` is Sunday 22 Nov 2026, 10:00.
#include <gtest/gtest.h>

#include "brain/nlu_numbers.hpp"

namespace parley::brain::nlu {
namespace {

std::string when(const std::string& text) {
  LocalNow now;
  EXPECT_TRUE(parse_now("2026-11-22T10:00:00+05:30", &now));
  return resolve_datetime(tokenize_message(text), now);
}

TEST(NluDatetime, GivenAWrittenTimeWithItsMeridianWhenReadThenHoursAndMinutesBothCount) {
  EXPECT_EQ(when("call Lakeside Optics thu 4:45pm"), "2026-11-26T16:45");
  EXPECT_EQ(when("demo sat 9:15am"), "2026-11-28T09:15");
  EXPECT_EQ(when("reunión el 4 de diciembre 18h"), "2026-12-04T18:00");
  EXPECT_EQ(when("visita jueves 16 hs"), "2026-11-26T16:00");
  EXPECT_EQ(when("catch up tmrw 12 noon"), "2026-11-23T12:00");
}

TEST(NluDatetime, GivenADayWithAnOrdinalOrSlashesWhenReadThenItIsThatDay) {
  EXPECT_EQ(when("meet Harbor Tiles on 2nd Dec at 3"), "2026-12-02T15:00");
  EXPECT_EQ(when("demo December 9th 11am"), "2026-12-09T11:00");
  EXPECT_EQ(when("demo el 10/12 a las 9"), "2026-12-10T09:00");
  EXPECT_EQ(when("встреча 8.12 в 15:30"), "2026-12-08T15:30");
  EXPECT_EQ(when("ketemu tgl 29 jam 2 siang"), "2026-11-29T14:00");
  EXPECT_EQ(when("the call is on the 26th at 10"), "2026-11-26T10:00");
}

TEST(NluDatetime, GivenABareNumberRightAfterADayWhenReadThenItIsTheHour) {
  EXPECT_EQ(when("meeting wednesday 11"), "2026-11-25T11:00");
  EXPECT_EQ(when("demo tomorrow 4"), "2026-11-23T16:00");
  EXPECT_EQ(when("встреча в среду вечер 6"), "2026-11-25T18:00");
}

TEST(NluDatetime, GivenADayOfTheMonthAfterAWeekdayWhenReadThenTheDateIsThatDay) {
  EXPECT_EQ(when("la demo el miércoles 2 a las 11"), "2026-12-02T11:00");
  EXPECT_EQ(when("reunión viernes 27 a las 4"), "2026-11-27T16:00");
}

TEST(NluDatetime, GivenHalvesAndQuartersWhenReadThenTheMinutesFollowEachLanguage) {
  EXPECT_EQ(when("demo monday half past 3"), "2026-11-23T15:30");
  EXPECT_EQ(when("meeting tuesday quarter to 11"), "2026-11-24T10:45");
  EXPECT_EQ(when("mañana a las once y media"), "2026-11-23T11:30");
  EXPECT_EQ(when("el lunes a las 5 menos cuarto"), "2026-11-23T16:45");
  EXPECT_EQ(when("в четверг в половине пятого"), "2026-11-26T16:30");
  EXPECT_EQ(when("rabu jam setengah 3"), "2026-11-25T14:30");
  EXPECT_EQ(when("kamis jam 9 lewat 15"), "2026-11-26T09:15");
  EXPECT_EQ(when("besok jam 4 kurang seperempat"), "2026-11-23T15:45");
  EXPECT_EQ(when("budhvaar sade 11 baje"), "2026-11-25T11:30");
  EXPECT_EQ(when("गुरुवार पौने 12 बजे"), "2026-11-26T11:45");
}

TEST(NluDatetime, GivenDevanagariDatesWhenReadThenMonthsAndHalfHoursAreKnown) {
  EXPECT_EQ(when("डेमो 3 दिसंबर ढाई बजे"), "2026-12-03T14:30");
  EXPECT_EQ(when("मीटिंग परसों साढ़े 10 बजे"), "2026-11-24T10:30");
  EXPECT_EQ(when("मंगलवार सवा 5 बजे"), "2026-11-24T17:15");
}

TEST(NluDatetime, GivenAMoveFromOneDayToAnotherWhenReadThenTheNewDayCounts) {
  EXPECT_EQ(when("demo on friday instead of thursday, 10am"), "2026-11-27T10:00");
  EXPECT_EQ(when("mejor el jueves en vez del martes a las 3"), "2026-11-26T15:00");
  EXPECT_EQ(when("перенеси на пятницу вместо среды в 12"), "2026-11-27T12:00");
  EXPECT_EQ(when("jangan senin, selasa aja jam 10"), "2026-11-24T10:00");
  EXPECT_EQ(when("somvar nahi mangalvar 3 baje"), "2026-11-24T15:00");
  EXPECT_EQ(when("shukravar ki jagah shanivar 11 baje"), "2026-11-28T11:00");
}

TEST(NluDatetime, GivenWordsThatOnlyLookLikeMonthsWhenReadThenTheyAreNotDates) {
  EXPECT_EQ(when("desde 2 hasta 5 unidades"), "");
  EXPECT_EQ(when("la junta 3 personas"), "");
  EXPECT_EQ(when("maybe 4 of them"), "");
}

}  // namespace
}  // namespace parley::brain::nlu
