#!/bin/sh
# Writes the sample video of the GHS video-learning set, content/seminars/videos/ghs-video-sample.webm:
# eight seconds, 640x360, VP9 in WebM (every browser Manabi supports plays it without patent-encumbered
# codecs), two chapters with Japanese captions and a running clock, no sound. The output is committed;
# run this again only to change it:
#   sh releng/videogen/sample-video.sh [FONT.ttf]
# Needs Debian's ffmpeg (apt-get install ffmpeg) and IPAex Gothic (fonts-ipaexfont-gothic) or the
# TrueType font given as argument (MANABI_FONT works too).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../content/seminars/videos/ghs-video-sample.webm"
font=${1:-${MANABI_FONT:-/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf}}
[ -r "$font" ] || { echo "sample-video.sh: no Japanese font at $font (apt-get install fonts-ipaexfont-gothic, or pass FONT.ttf)" >&2; exit 1; }
command -v ffmpeg >/dev/null || { echo "sample-video.sh: ffmpeg is missing (apt-get install ffmpeg)" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
title="GHSビデオ学習 サンプル"
caption1="第1章 はじめに — 視聴IDで見られます"
caption2="第2章 まとめ — 最後まで見ると修了です"
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "color=c=0x1f4e79:s=640x360:r=25:d=8" \
  -vf "drawtext=fontfile=$font:text='$title':fontcolor=white:fontsize=34:x=(w-text_w)/2:y=60,\
drawtext=fontfile=$font:text='$caption1':fontcolor=white:fontsize=26:x=(w-text_w)/2:y=170:enable='lt(t,4)',\
drawtext=fontfile=$font:text='$caption2':fontcolor=white:fontsize=26:x=(w-text_w)/2:y=170:enable='gte(t,4)',\
drawtext=fontfile=$font:text='%{pts\:hms}':fontcolor=0xffd966:fontsize=30:x=(w-text_w)/2:y=270" \
  -c:v libvpx-vp9 -b:v 120k -deadline good -row-mt 0 -threads 1 -g 25 -pix_fmt yuv420p \
  -an -fflags +bitexact -flags:v +bitexact -map_metadata -1 "$out"
echo "$out"
