#!/usr/bin/env bash
# Synthesises every Backchannel sound with SoX alone, so the cues can be
# rebuilt from source without any sample library or downloaded asset.
#
# Output: assets/audio/<cue>.ogg (Vorbis) and assets/audio/<cue>.mp3, plus
# assets/audio/manifest.json. Two formats because no single one plays
# everywhere: Vorbis for Chrome/Firefox (gapless loops), MP3 for Safari.
# Debian's SoX has no WebM/Opus writer, which is why Vorbis stands in for it.
#
# The outputs are committed, so a normal build never needs SoX.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$here/../audio"
out="$(cd "$here/../audio" && pwd)"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT

command -v sox >/dev/null || { echo "make-sounds: sox is not installed (apt-get install sox libsox-fmt-all)" >&2; exit 1; }

RATE=44100
# -R makes SoX's noise generators (and the Vorbis stream serial) repeatable,
# so re-running the script does not churn the committed files.
S() { sox -R -V1 "$@"; }

# gen NAME synth-and-effects...: render one mono 32-bit float voice.
gen() { local name=$1; shift; S -n -r "$RATE" -c 1 -b 32 -e floating-point "$T/$name.wav" "$@"; }

# mix OUT VOL FILE [VOL FILE...]: sum voices; levels are relative, the
# final peak is set by finish().
mix() {
  local name=$1; shift
  local args=()
  while (($#)); do args+=(-v "$1" "$T/$2.wav"); shift 2; done
  S -m "${args[@]}" -b 32 -e floating-point "$T/$name.wav"
}

# finish NAME RMS_DB MP3_KBPS OGG_QUALITY [effects...]: master and encode.
# Levels are matched by RMS rather than peak, so a sustained chord and a
# short pluck sound about equally loud; the peak is still kept under -1 dBFS.
finish() {
  local name=$1 rms=$2 kbps=$3 q=$4; shift 4
  S "$T/$name.wav" -b 32 -e floating-point "$T/$name.pre.wav" "$@"
  local g
  g=$(sox "$T/$name.pre.wav" -n stats 2>&1 | awk -v want="$rms" '
    /^Pk lev dB/ { pk = $4 } /^RMS lev dB/ { r = $4 }
    END { g = want - r; if (pk + g > -1) g = -1 - pk; printf "%.2f", g }')
  S "$T/$name.pre.wav" -b 32 -e floating-point "$T/$name.final.wav" gain "$g"
  S "$T/$name.final.wav" -C "$q" "$out/$name.ogg"
  S "$T/$name.final.wav" -C "$kbps" "$out/$name.mp3"
}

# ---------------------------------------------------------------- ring
# An electromechanical-style desk phone: the 440+480 Hz pair trilled at
# ~17 Hz, in two bursts. Lowpassed so it reads as a phone, not an alarm.
gen ring_a synth 0.5 sine 440 synth 0.5 sine mix 480 synth 0.5 sine mix 960
gen ring_b synth 0.5 sine 442 synth 0.5 sine mix 478
mix ring_burst 1 ring_a 0.6 ring_b
S "$T/ring_burst.wav" "$T/ring_burst2.wav" tremolo 17 70 lowpass 2400 fade h 0.02 0.5 0.08
S "$T/ring_burst2.wav" "$T/ring_first.wav" pad 0 0.24
S "$T/ring_first.wav" "$T/ring_burst2.wav" "$T/ring.wav" pad 0 0.5 reverb 18 50 25
finish ring -20 96 3

# ------------------------------------------------------------- connect
# The line opening: a relay click, a soft two-pip "you are through" and a
# breath of band-limited line noise.
gen c_click synth 0.012 whitenoise highpass 1800 fade l 0 0.012 0.011
gen c_thunk synth 0.06 sine 190:120 fade l 0 0.06 0.058
gen c_pip1 synth 0.07 sine 587 fade h 0.008 0.07 0.03 pad 0.09
gen c_pip2 synth 0.11 sine 784 fade h 0.008 0.11 0.06 pad 0.19
gen c_line synth 0.55 pinknoise sinc 300-3400 fade q 0.05 0.55 0.35 pad 0.02
mix connect 0.9 c_click 0.8 c_thunk 0.35 c_pip1 0.35 c_pip2 0.12 c_line
finish connect -26 96 3 reverb 10 50 15 fade t 0 0.85 0.05

# ------------------------------------------------------------ ambience
# A situation-room hum: mains hum and its harmonics (60 Hz and multiples
# all complete whole cycles in 10 s, so they loop without a seam), a slow
# 0.2 Hz swell (two whole cycles), and ventilation air whose loop seam is
# hidden by an equal-power crossfade of its own tail into its head.
LOOP=10
gen a_hum synth $LOOP sine 60 synth $LOOP sine mix 120
gen a_h3 synth $LOOP sine 180
gen a_h4 synth $LOOP sine 240
gen a_h5 synth $LOOP sine 300
# Air is rendered 1 s longer than the loop and filtered before the crossfade
# so the filters' start-up transient lands inside the faded-in head.
gen a_air_long synth $((LOOP + 1)) brownnoise synth $((LOOP + 1)) pinknoise mix lowpass 700 highpass 40
S "$T/a_air_long.wav" "$T/a_air_head.wav" trim 0 1 fade q 1 1 0
S "$T/a_air_long.wav" "$T/a_air_tail.wav" trim $LOOP 1 fade q 0 1 1
S "$T/a_air_long.wav" "$T/a_air_body.wav" trim 1 $((LOOP - 1))
S -m "$T/a_air_head.wav" "$T/a_air_tail.wav" -b 32 -e floating-point "$T/a_air_join.wav"
S "$T/a_air_join.wav" "$T/a_air_join2.wav" vol 2
S "$T/a_air_join2.wav" "$T/a_air_body.wav" -b 32 -e floating-point "$T/a_air.wav"
mix a_tone 1 a_hum 0.35 a_h3 0.18 a_h4 0.08 a_h5
S "$T/a_tone.wav" -b 32 -e floating-point "$T/a_tone2.wav" tremolo 0.2 18
mix ambience 1 a_tone2 0.9 a_air
# No fades here: any fade would be heard as a dip at every loop.
finish ambience -24 64 1

# -------------------------------------------------------------- choice
# A soft tick: a short tonal knock, not a UI "pop".
gen ch_tick synth 0.07 sine 1320 fade l 0 0.07 0.065
gen ch_body synth 0.05 sine 420 fade l 0 0.05 0.048
gen ch_noise synth 0.008 pinknoise bandpass 2500 1q fade l 0 0.008 0.007
mix choice 0.5 ch_tick 0.7 ch_body 0.6 ch_noise
finish choice -28 96 3 pad 0 0.04

# -------------------------------------------------------------- inject
# A news bulletin sting: a low thump, three even staccato plucks (the
# "bulletin" rhythm) and a dark held fifth that lets the urgency settle.
gen in_thump synth 0.35 sine 95:48 fade l 0 0.35 0.33
gen in_p1 synth 0.5 pluck A3 synth 0.5 pluck mix E4 fade t 0 0.5 0.4
gen in_p2 synth 0.5 pluck A3 synth 0.5 pluck mix E4 fade t 0 0.5 0.4 pad 0.17
gen in_p3 synth 0.7 pluck C4 synth 0.7 pluck mix G4 fade t 0 0.7 0.6 pad 0.34
gen in_pad synth 1.3 triangle A2 synth 1.3 triangle mix E3 lowpass 900 fade h 0.08 1.3 0.9 pad 0.5
mix inject 0.9 in_thump 0.6 in_p1 0.6 in_p2 0.7 in_p3 0.45 in_pad
finish inject -20 96 3 lowpass 3500 pad 0 0.2 reverb 25 50 40 fade t 0 1.9 0.3

# ----------------------------------------------------------- agreement
# Warm and resolved: a rising major arpeggio over a swelling major pad.
gen ag_1 synth 1.6 pluck C4
gen ag_2 synth 1.5 pluck E4 pad 0.14
gen ag_3 synth 1.4 pluck G4 pad 0.28
gen ag_4 synth 1.5 pluck C5 pad 0.42
gen ag_pad synth 2.0 triangle C3 synth 2.0 triangle mix G3 synth 2.0 sine mix E4 lowpass 1200 fade h 0.5 2.0 1.1 pad 0.3
mix agreement 0.7 ag_1 0.65 ag_2 0.6 ag_3 0.55 ag_4 0.5 ag_pad
finish agreement -20 96 3 lowpass 4000 pad 0 0.3 reverb 40 50 60 fade t 0 2.6 0.5

# ------------------------------------------------------------- impasse
# Stalled: a grey suspended chord that never resolves, with a falling
# step that stops short. Dark and soft, deliberately without an ending.
gen im_pad synth 2.0 triangle D3 synth 2.0 triangle mix A3 synth 2.0 sine mix G4 lowpass 1100 tremolo 3 12 fade h 0.15 2.0 1.0
gen im_p1 synth 0.8 pluck E4 fade t 0 0.8 0.5 pad 0.25
gen im_p2 synth 1.2 pluck D4 fade t 0 1.2 0.9 pad 0.6
mix impasse 0.7 im_pad 0.55 im_p1 0.55 im_p2
finish impasse -21 96 3 lowpass 2000 pad 0 0.2 reverb 30 50 50 fade t 0 2.2 0.5

# ---------------------------------------------------------- escalation
# Tension rising: two voices climbing a tritone apart, a muffled pulse that
# quickens, and air that swells. Pitched where laptop speakers can carry it
# (roughly 100-1000 Hz) but kept dark, so it is tense without being shrill.
gen es_v1 synth 2.2 triangle 110/160 lowpass 900 fade h 0.3 2.2 0.6
gen es_v2 synth 2.2 triangle 156/226 lowpass 900 fade h 0.6 2.2 0.6
gen es_sub synth 2.2 sine 55/80 fade h 0.3 2.2 0.6
gen es_air synth 2.2 pinknoise bandpass 500 1.5q fade q 1.5 2.2 0.6
es_pulses=()
for t in 0 0.55 1.0 1.35 1.62 1.84; do
  n=es_pulse_${t/./_}
  gen "$n" synth 0.2 sine 170:95 synth 0.2 sine mix 85:50 fade l 0 0.2 0.19 pad "$t"
  es_pulses+=(0.8 "$n")
done
mix escalation 0.5 es_v1 0.4 es_v2 0.4 es_sub 0.15 es_air "${es_pulses[@]}"
finish escalation -20 96 3 pad 0 0.2 reverb 20 50 30 fade t 0 2.4 0.35

# ------------------------------------------------------------ mediated
# Brought together: two voices from far apart glide toward each other and
# meet on an octave, then a quiet bell marks the common ground. The glide
# and the held octave overlap by 80 ms so the join has no click.
gen me_hi1 synth 0.98 triangle 392/262 lowpass 1400 fade h 0.15 0.98 0.08
gen me_hi2 synth 1.18 triangle 262 lowpass 1400 fade h 0.08 1.18 0.6 pad 0.9
gen me_lo1 synth 0.98 triangle 98/131 lowpass 1400 fade h 0.15 0.98 0.08
gen me_lo2 synth 1.18 triangle 131 lowpass 1400 fade h 0.08 1.18 0.6 pad 0.9
gen me_bell synth 1.4 pluck C5 synth 1.4 pluck mix G5 lowpass 3000 fade h 0.004 1.4 1.0 pad 0.95
mix mediated 0.5 me_hi1 0.5 me_hi2 0.55 me_lo1 0.55 me_lo2 0.5 me_bell
finish mediated -21 96 3 pad 0 0.3 reverb 35 50 55 fade t 0 2.5 0.5

# ------------------------------------------------------------ manifest
# The manifest lets tools and tests see every cue and its files without
# parsing the audio module; durations are read back from the encodes.
cues=(ring connect ambience choice inject agreement impasse escalation mediated)
{
  printf '{\n'
  printf '  "generatedBy": "assets/scripts/make-sounds.sh",\n'
  printf '  "formats": ["ogg", "mp3"],\n'
  printf '  "cues": {\n'
  last=$((${#cues[@]} - 1))
  for i in "${!cues[@]}"; do
    c=${cues[$i]}
    secs=$(soxi -D "$out/$c.ogg")
    loop=false; [[ $c == ambience ]] && loop=true
    sep=','; ((i == last)) && sep=''
    printf '    "%s": { "files": ["%s.ogg", "%s.mp3"], "loop": %s, "seconds": %.2f }%s\n' "$c" "$c" "$c" "$loop" "$secs" "$sep"
  done
  printf '  }\n}\n'
} > "$out/manifest.json"

for c in "${cues[@]}"; do
  printf '%-11s %6s B ogg  %6s B mp3  %5.2f s\n' "$c" "$(stat -c %s "$out/$c.ogg")" "$(stat -c %s "$out/$c.mp3")" "$(soxi -D "$out/$c.ogg")"
done
