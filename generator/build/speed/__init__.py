"""build/speed"""
